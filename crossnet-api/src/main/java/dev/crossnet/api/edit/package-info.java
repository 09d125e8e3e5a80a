/**
 * The fluent edit: {@code Editor.bedrock(img).replace(region).with(subject).run()}, its settings, the request
 * a runtime receives and the result it returns.
 */
package dev.crossnet.api.edit;
