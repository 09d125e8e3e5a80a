/**
 * Relation steering (ReVersion): a contrastive loss that pulls a learned relation token toward relation
 * words (prepositions, verbs) and pushes it away from entity words (nouns, adjectives).
 */
package dev.crossnet.losses.steering;
