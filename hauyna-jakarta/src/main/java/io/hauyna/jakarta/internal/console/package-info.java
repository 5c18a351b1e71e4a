/**
 * The live console: a read-only page served from the jar at {@code /hauyna/console/} and its feed,
 * a Hauyna route at {@code /hauyna/console/live} that pushes a view of this node once a second.
 * Off unless {@code hauyna.console.enabled}; then open to clients on this machine and to users in
 * {@code hauyna.console.role}. A top layer like {@code internal.ops}: it reads the registries and
 * the statistics, and nothing depends on it but the route deployment.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.console;
