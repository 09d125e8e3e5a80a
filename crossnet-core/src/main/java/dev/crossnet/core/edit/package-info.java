/**
 * The diffusion edit runtime: carries out {@code Editor.bedrock(...).replace(...).with(...).run()} on a
 * loaded model by starting the conditioning branches and running the one denoising loop.
 */
package dev.crossnet.core.edit;
