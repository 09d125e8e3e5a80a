/**
 * Subject encoders: turn a subject's reference pictures into the word-embedding rows of its word in one
 * pass, without the per-subject training textual inversion needs.
 */
package dev.crossnet.core.edit.encoder;
