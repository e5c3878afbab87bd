package io.persession.engine;

import io.persession.spi.SpiVersion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The host's side of the SPI version handshake ({@link SpiVersion}): a plugin compiled against SPI
 * {@code M.m} is accepted by a host with SPI {@code M.n} when {@code m <= n} (same major, equal or lower
 * minor), and refused otherwise.
 */
public final class SpiCompatibility {
    private static final Pattern VERSION = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})");

    private SpiCompatibility() {
    }

    /** Null when this host ({@link SpiVersion#CURRENT}) accepts a plugin compiled against {@code pluginVersion}; else why not. */
    public static String problem(String pluginVersion) {
        return problem(pluginVersion, SpiVersion.CURRENT);
    }

    /**
     * Null when a host with SPI {@code hostVersion} accepts a plugin compiled against {@code pluginVersion};
     * else one sentence naming both versions and what to do.
     */
    public static String problem(String pluginVersion, String hostVersion) {
        Matcher host = VERSION.matcher(hostVersion);
        if (!host.matches()) {
            throw new IllegalArgumentException("host SPI version '" + hostVersion + "' is not MAJOR.MINOR");
        }
        int hostMajor = Integer.parseInt(host.group(1));
        int hostMinor = Integer.parseInt(host.group(2));
        if (pluginVersion == null) {
            return "it states no SPI version (spiVersion() returned null); this persession has SPI " + hostVersion
                    + ": implement spiVersion() as 'return SpiVersion.CURRENT;' and rebuild the plugin";
        }
        Matcher plugin = VERSION.matcher(pluginVersion);
        if (!plugin.matches()) {
            return "its SPI version '" + pluginVersion + "' is not MAJOR.MINOR; this persession has SPI " + hostVersion
                    + ": implement spiVersion() as 'return SpiVersion.CURRENT;' and rebuild the plugin";
        }
        int major = Integer.parseInt(plugin.group(1));
        int minor = Integer.parseInt(plugin.group(2));
        if (major == hostMajor && minor <= hostMinor) {
            return null;
        }
        String accepted = hostMinor == 0 ? "SPI " + hostVersion + " only" : "SPI " + hostMajor + ".0 to " + hostVersion;
        String fix = major == hostMajor
                ? "upgrade persession to one with SPI " + pluginVersion + " or later, or use a build of the plugin for SPI " + hostVersion
                : "use a build of the plugin for SPI " + hostVersion + ", or a persession with SPI " + major + ".x";
        return "it was compiled against persession SPI " + pluginVersion + " but this persession has SPI " + hostVersion
                + ", which runs plugins compiled against " + accepted + "; " + fix;
    }
}
