/**
 * The public API of Hauyna for Jakarta EE: what an application touches.
 *
 * <p>Put {@link io.hauyna.jakarta.HauynaConfigurator} on a {@code @ServerEndpoint} and
 * {@code @Inject} {@link io.hauyna.jakarta.Connections} anywhere (endpoints, REST resources, EJBs,
 * timers). Types in this package never depend on {@code io.hauyna.jakarta.internal}, except
 * {@link io.hauyna.jakarta.HauynaConfigurator}, which the container instantiates and which hands each
 * handshake to it; extension points live in {@code io.hauyna.jakarta.spi}.
 *
 * @since 0.1
 */
package io.hauyna.jakarta;
