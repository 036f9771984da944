package io.tensionstreams.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or "development" when run from classes. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"tension-streams " + (version == null ? "development" : version)
                + " (Java " + Runtime.version() + ")"};
    }
}
