/**
 * The training-loss plugin family and parameter groups: which parameters train, with which optimiser
 * options, under which ordered, weighted loss terms.
 */
package dev.crossnet.api.loss;
