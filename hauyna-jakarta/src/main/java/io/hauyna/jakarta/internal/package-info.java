/**
 * Implementation. Not API: anything here may change in any release without notice.
 */
package io.hauyna.jakarta.internal;
