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
        out.printf("%-16s %-10s %-9s %s%n", "plugin", "version", "state", "extensions");
        for (PluginStatus p : host.plugins()) {
            out.printf("%-16s %-10s %-9s %s%n", p.id(), p.version(), p.state(), String.join(", ", p.extensions()));
            if (p.failure() != null) {
                out.printf("%-16s %s%n", "", p.failure());
            }
        }
        host.close();
        return host.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
