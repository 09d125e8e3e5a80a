/**
 * The plugin pattern shared by every family: a named {@link dev.crossnet.api.plugin.PluginProvider}, its
 * {@link dev.crossnet.api.plugin.PluginConfig}, and the {@link dev.crossnet.api.plugin.PluginRegistry}.
 */
package dev.crossnet.api.plugin;
