/**
 * Routes: path patterns with parameters, the programmatic routes and their endpoint, and the beans
 * scoped to some routes.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.route;
