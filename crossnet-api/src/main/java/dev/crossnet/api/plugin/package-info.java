/**
 * The plugin pattern shared by every family: a named {@link dev.crossnet.api.plugin.PluginProvider}, its
 * {@link dev.crossnet.api.plugin.PluginConfig}, the {@link dev.crossnet.api.plugin.PluginRegistry}, and the
 * {@link dev.crossnet.api.plugin.OptionKeys} a plugin declares so that misspelt options are refused.
 */
package dev.crossnet.api.plugin;
