/**
 * The persession SPI: what a plugin author compiles against.
 *
 * <p>Plugins are found with {@link java.util.ServiceLoader} and selected by id. Ids are lower-case
 * {@code [a-z0-9-]+}. The host guarantees: every call into a plugin happens on one thread at a time
 * per created object unless stated otherwise; values passed in are never {@code null} unless the
 * method says so; a plugin's objects must be deterministic (no clock, no randomness, no I/O during
 * evaluation), because results must not depend on when or in what order the input is read. An
 * {@link io.persession.spi.EventFormat} reads, but only the stream (or file) the host hands it.
 *
 * <p>Compatibility: types here are interfaces or final classes so that they can grow with default
 * methods and new factory methods without breaking compiled plugins. {@link io.persession.spi.SpiVersion}
 * versions the package ({@code MAJOR.MINOR}: a minor release only adds, a major one may break); every
 * provider states the version it was compiled against, and the host refuses a plugin of another major
 * version or a newer minor. The guide for plugin authors is {@code docs/plugins.md}.
 */
package io.persession.spi;
