package dev.crossnet.core.edit;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.Resampling;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Null-text optimisation (Mokady et al. 2023): for every reverse step, optimise the unconditional states so
 * that the guided DDIM step from the current latent lands on the inversion's latent of the next level; the
 * guided reverse path then retraces the inversion. Each step starts from the previous step's states; Adam, a
 * few iterations per step, stopping early once the step's error is tiny.
 */
public final class NullTextOptimization {

  private static final Logger LOG = LoggerFactory.getLogger(NullTextOptimization.class);

  /**
   * @param iterations Adam iterations per step
   * @param learningRate Adam's learning rate
   */
  public record Settings(int iterations, double learningRate) {

    public Settings {
      if (iterations < 1 || !(learningRate > 0)) {
        throw new IllegalArgumentException("null-text optimisation needs iterations >= 1 and a learning rate > 0, "
            + "got " + iterations + " and " + learningRate);
      }
    }
  }

  private final UNet2DConditionModel unet;
  private final Sampler sampler;

  public NullTextOptimization(UNet2DConditionModel unet, Sampler sampler) {
    this.unet = unet;
    this.sampler = sampler;
  }

  /**
   * The optimised unconditional states per plan index {@code start .. plan.size() - 1}, in {@code manager}.
   *
   * @param path the inversion's levels: {@code path.get(k)} is the latent at plan index {@code plan.size() - k}
   * @param cancellation checked before every iteration: a cancelled optimisation ends with a
   *     {@link dev.crossnet.api.progress.CancelledException} within one forward and backward pass, its arrays closed
   */
  public Map<Integer, NDArray> optimise(SamplerPlan plan, int start, List<NDArray> path, NDArray text,
      NDArray unconditional, double guidance, Settings settings, Cancellation cancellation, NDManager manager) {
    Map<Integer, NDArray> out = new LinkedHashMap<>();
    int n = plan.size();
    double[][] ab = Resampling.marginals(sampler, plan, manager);
    synchronized (GradientLock.LOCK) {
      NDArray u = unconditional.duplicate();
      u.attach(manager);
      NDArray z = path.get(n - start).duplicate();
      z.attach(manager);
      for (int i = start; i < n; i++) {
        NDArray target = path.get(n - i - 1);
        try (NDManager scope = manager.newSubManager()) {
          // the step's latent in the scope, so that every forward's intermediates die with it
          NDArray zs = z.duplicate();
          zs.attach(scope);
          NDArray t = scope.create(new float[] {(float) plan.timestep(i)});
          NDArray conditional;
          try (GradMode off = GradMode.disabled()) {
            conditional = unet.forward(sampler.scaleModelInput(plan, i, zs), t, text, AttentionHook.NONE);
            conditional.attach(scope);
          }
          NDArray m = scope.zeros(u.getShape());
          NDArray v = scope.zeros(u.getShape());
          double last = Double.NaN;
          double best = Double.POSITIVE_INFINITY;
          NDArray bestU = u.duplicate();
          bestU.attach(scope);
          for (int k = 1; k <= settings.iterations(); k++) {
            if (cancellation.isCancelled()) {
              out.values().forEach(NDArray::close);
              u.close();
              z.close();
              cancellation.check("null-text optimisation (step " + i + ", iteration " + k + ")");
            }
            u.setRequiresGradient(true);
            NDArray grad;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray eps = unet.forward(sampler.scaleModelInput(plan, i, zs), t, u, AttentionHook.NONE);
              NDArray guided = eps.add(conditional.sub(eps).mul(guidance));
              NDArray next = step(ab, i, zs, guided);
              NDArray loss = next.sub(target).square().mean();
              last = loss.getFloat();
              if (last < best) {
                // keep the best states seen: a step never ends worse than it started
                best = last;
                bestU.set(u.toFloatArray());
              }
              gc.backward(loss);
              grad = dev.crossnet.core.nn.Gradients.copyOf(u, scope);
            }
            u.setRequiresGradient(false);
            if (!Float.isFinite(grad.abs().max().getFloat())) {
              LOG.warn("null-text step {} iteration {}: non-finite gradient skipped", i, k);
              continue;
            }
            // Adam with bias correction; the states are a plain array, so the update is written out
            m.muli(0.9).addi(grad.mul(0.1));
            v.muli(0.999).addi(grad.square().mul(0.001));
            NDArray mHat = m.div(1 - Math.pow(0.9, k));
            NDArray vHat = v.div(1 - Math.pow(0.999, k));
            u.subi(mHat.div(vHat.sqrt().add(1e-8)).mul(settings.learningRate()));
            if (last < 1e-5) {
              break;
            }
          }
          LOG.debug("null-text step {}: error {}", i, best);
          u.set(bestU.toFloatArray());
          NDArray kept = u.duplicate();
          kept.attach(manager);
          out.put(i, kept);
          try (GradMode off = GradMode.disabled()) {
            NDArray eps = unet.forward(sampler.scaleModelInput(plan, i, zs), t, u, AttentionHook.NONE);
            NDArray next = step(ab, i, zs, eps.add(conditional.sub(eps).mul(guidance)));
            next.attach(manager);
            z.close();
            z = next;
          }
        }
      }
      z.close();
      u.close();
    }
    return out;
  }

  /** Deterministic DDIM (eta 0) from plan index i to i + 1, written with differentiable ops only. */
  private static NDArray step(double[][] ab, int i, NDArray z, NDArray eps) {
    NDArray x0 = z.sub(eps.mul(ab[1][i])).div(ab[0][i]);
    return x0.mul(ab[0][i + 1]).add(eps.mul(ab[1][i + 1]));
  }
}
