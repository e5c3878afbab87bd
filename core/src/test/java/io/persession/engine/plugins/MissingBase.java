package io.persession.engine.plugins;

/** Stands for a dependency a plugin jar needs but the plugin folder lacks: the tests' loaders hide it. */
public abstract class MissingBase {
}
