/**
 * The conditioning-branch plugin family: composable parts of an edit (appearance, motion, region, subject
 * attention) that take part in the one denoising loop without owning a loop of their own.
 */
package dev.crossnet.api.branch;
