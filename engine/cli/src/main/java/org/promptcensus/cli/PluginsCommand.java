package org.promptcensus.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.promptcensus.core.plugin.PluginHost;
import org.promptcensus.core.plugin.PluginStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code census plugins}: the plugins found, their versions, states, extensions and failures. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"List plugins: id, version, state, the extensions each provides, and failures.", "",
                "Plugins are PF4J jars (MANIFEST: Plugin-Id, Plugin-Version, Plugin-Requires) in the plugins folder: "
                        + "--plugins-dir, else $CENSUS_PLUGINS_DIR, else plugins/ beside census.jar.", ""})
final class PluginsCommand implements Callable<Integer> {
    @ParentCommand
    CensusCommand root;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PrintStream out = root.streams.out();
        PluginHost host = engineOptions.plugins(root.streams.err());
        out.printf("plugins folder: %s%n%n", engineOptions.pluginsDirectory());
        if (host.plugins().isEmpty()) {
            out.println("no plugins");
            return ExitCodes.OK;
        }
        int idWidth = "plugin".length();
        int versionWidth = "version".length();
        int stateWidth = "state".length();
        for (PluginStatus p : host.plugins()) {
            idWidth = Math.max(idWidth, p.id().length());
            versionWidth = Math.max(versionWidth, String.valueOf(p.version()).length());
            stateWidth = Math.max(stateWidth, String.valueOf(p.state()).length());
        }
        String row = "%-" + idWidth + "s  %-" + versionWidth + "s  %-" + stateWidth + "s  %s%n";
        out.printf(row, "plugin", "version", "state", "extensions");
        for (PluginStatus p : host.plugins()) {
            out.printf(row, p.id(), p.version(), p.state(), String.join(", ", p.extensions()));
            if (p.failure() != null) {
                out.printf("%-" + idWidth + "s  %s%n", "", p.failure());
            }
        }
        host.close();
        return host.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
