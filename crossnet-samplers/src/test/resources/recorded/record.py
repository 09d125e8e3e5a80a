# Records small reference loops from diffusers v0.25.0 (run with Debian's python3-torch); output goes to
# crossnet-samplers/src/test/resources/recorded/. Not part of the repository.
import sys, json, struct
sys.path.insert(0, '/tmp/stubs'); import stubhub  # noqa
import torch, numpy as np
from diffusers.schedulers import scheduling_ddpm, scheduling_ddim, scheduling_euler_ancestral_discrete
from diffusers.schedulers.scheduling_ddpm import DDPMScheduler
from diffusers.schedulers.scheduling_ddim import DDIMScheduler
from diffusers.schedulers.scheduling_euler_ancestral_discrete import EulerAncestralDiscreteScheduler

OUT = sys.argv[1]

def save(path, tensors, meta):
    header, blobs, off = {}, [], 0
    for k, v in tensors.items():
        a = v.detach().cpu().numpy()
        dt = {'float32': 'F32', 'int64': 'I64'}[str(a.dtype)]
        b = a.tobytes(); header[k] = {'dtype': dt, 'shape': list(a.shape), 'data_offsets': [off, off + len(b)]}
        blobs.append(b); off += len(b)
    header['__metadata__'] = {k: str(v) for k, v in meta.items()}
    h = json.dumps(header).encode(); h += b' ' * ((8 - len(h) % 8) % 8)
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(h))); f.write(h); [f.write(b) for b in blobs]

def sample():
    n = 1 * 2 * 4 * 4
    return (torch.arange(n).reshape(2, 4, 4, 1) / n).permute(3, 0, 1, 2).contiguous()

def model(x, t):
    t = t.reshape(-1, 1, 1, 1).to(x.dtype)
    return x * t / (t + 1)

def run(name, scheduler, module, steps, step_kwargs, config):
    drawn = []
    orig = module.randn_tensor
    def capture(*a, **k):
        z = orig(*a, **k); drawn.append(z.clone()); return z
    module.randn_tensor = capture
    scheduler.set_timesteps(steps)
    gen = torch.manual_seed(0)
    x = sample() * scheduler.init_noise_sigma
    tensors = {'x_init': x.clone(), 'timesteps': scheduler.timesteps.clone()}
    per_step = []
    for i, t in enumerate(scheduler.timesteps):
        before = len(drawn)
        eps = model(scheduler.scale_model_input(x, t), t)
        x = scheduler.step(eps, t, x, generator=gen, **step_kwargs).prev_sample
        tensors['x_%03d' % i] = x.clone()
        per_step.append(len(drawn) - before)
    for j, z in enumerate(drawn):
        tensors['noise_%03d' % j] = z
    module.randn_tensor = orig
    save(f'{OUT}/{name}.safetensors', tensors, {'config': json.dumps(config), 'steps': steps,
         'draws_per_step': json.dumps(per_step), 'step_kwargs': json.dumps(step_kwargs)})
    print(name, per_step, float(x.abs().sum()))

base = dict(num_train_timesteps=1000, beta_start=0.0001, beta_end=0.02, beta_schedule='linear')
c = dict(base, variance_type='fixed_small', clip_sample=True)
run('ddpm', DDPMScheduler(**c), scheduling_ddpm, 10, {}, c)
c = dict(base, clip_sample=False, steps_offset=1)
run('ddim-eta05', DDIMScheduler(**c), scheduling_ddim, 10, {'eta': 0.5}, dict(c, eta=0.5))
c = dict(base, num_train_timesteps=1100)
run('euler-ancestral', EulerAncestralDiscreteScheduler(**c), scheduling_euler_ancestral_discrete, 10, {}, c)
