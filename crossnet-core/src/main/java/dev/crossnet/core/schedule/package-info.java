/**
 * A model's feature-loss schedule: how much of a picture's structure (layout, shape, pose) and look (colour) a
 * diffusion model's one-step prediction of x0 keeps after noising to each t, measured once per model, cached
 * beside it and plotted; it derives an edit strength and an ILVR span. Model-agnostic: no world or judge here.
 */
package dev.crossnet.core.schedule;
