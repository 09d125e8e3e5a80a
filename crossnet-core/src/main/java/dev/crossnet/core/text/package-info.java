/**
 * Prompt tokenizers: the {@link dev.crossnet.core.text.PromptTokenizer} contract, CLIP's byte-level BPE in
 * pure Java from {@code vocab.json} + {@code merges.txt}, and Hugging Face {@code tokenizer.json} through DJL.
 */
package dev.crossnet.core.text;
