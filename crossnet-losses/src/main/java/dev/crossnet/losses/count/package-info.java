/**
 * Counting from attention: a loss on a subject token's cross-attention maps that makes the number of
 * separate instances it attends to match the requested count.
 */
package dev.crossnet.losses.count;
