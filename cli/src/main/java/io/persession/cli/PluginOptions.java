package io.persession.cli;

import picocli.CommandLine.Option;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code --plugins DIR}: where extra plugin jars are (also {@code PERSESSION_PLUGINS}, path-separated). */
public final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of extra plugin jars (repeatable). Also read: the distribution's plugins/ folder and PERSESSION_PLUGINS.")
    List<Path> pluginDirs = new ArrayList<>();

    /** The folders to load plugins from: the distribution's own, the environment's, then the flags'. */
    List<Path> folders(Map<String, String> env) {
        List<Path> folders = new ArrayList<>();
        String home = System.getProperty("persession.home");
        if (home != null && !home.isBlank()) {
            Path own = Path.of(home, "plugins");
            if (own.toFile().isDirectory()) {
                folders.add(own);
            }
        }
        String fromEnv = env.get("PERSESSION_PLUGINS");
        if (fromEnv != null) {
            for (String p : fromEnv.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    folders.add(Path.of(p.trim()));
                }
            }
        }
        folders.addAll(pluginDirs);
        return folders;
    }
}
