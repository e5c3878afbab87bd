package io.persession.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (or "development build"). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = PersessionCommand.class.getPackage().getImplementationVersion();
        return new String[] {"persession " + (v == null ? "(development build)" : v)};
    }
}
