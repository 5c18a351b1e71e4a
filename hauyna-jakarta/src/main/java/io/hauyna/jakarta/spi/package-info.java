/**
 * Extension points: interfaces an application may implement as CDI beans to change how Hauyna
 * identifies users and creates endpoints. Every interface here has a working default.
 *
 * @since 0.1
 */
package io.hauyna.jakarta.spi;
