/**
 * Settings: Hauyna's configuration keys read once through MicroProfile Config (or system
 * properties), with their defaults and checks.
 * Implementation, not API.
 */
package io.hauyna.jakarta.internal.config;
