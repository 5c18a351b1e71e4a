/**
 * The WAR under test: Hauyna's endpoints and the code a user would otherwise write by hand, side by
 * side in one deployment so that every mode is measured in the same server process, on the same
 * sockets, in the same run.
 */
package io.hauyna.bench.war;
