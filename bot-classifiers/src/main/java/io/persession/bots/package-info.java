/**
 * The built-in bot classifiers, shipped as {@link io.persession.spi.BotClassifierProvider} plugins
 * exactly like a vendor's: {@code user-agent} (Yauaa's classification of the user agent),
 * {@code behaviour} (more than 100 events within 100 seconds) and {@code visitor-list} (an explicit
 * list of visitor ids).
 */
package io.persession.bots;
