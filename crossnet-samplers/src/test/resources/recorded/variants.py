import sys; sys.path.insert(0,'/tmp/stubs'); import stubhub
import torch
from diffusers import DDIMScheduler, DPMSolverMultistepScheduler, EulerDiscreteScheduler, DDIMInverseScheduler
def dummy():
    n=4*3*8*8
    return (torch.arange(n).reshape(3,8,8,4)/n).permute(3,0,1,2)
def model(x,t):
    t=t.reshape(-1,1,1,1).to(x.dtype); return x*t/(t+1) + 0.05
base=dict(num_train_timesteps=1000, beta_start=0.0001, beta_end=0.02, beta_schedule='linear')
cases=[('ddim', DDIMScheduler, dict(prediction_type='sample', clip_sample=False)),
       ('ddim', DDIMScheduler, dict(timestep_spacing='trailing', clip_sample=False)),
       ('ddim', DDIMScheduler, dict(timestep_spacing='linspace', clip_sample=True, clip_sample_range=0.5, set_alpha_to_one=False)),
       ('ddim', DDIMScheduler, dict(beta_schedule='squaredcos_cap_v2', clip_sample=False, prediction_type='v_prediction')),
       ('ddim', DDIMScheduler, dict(beta_schedule='scaled_linear', beta_start=0.00085, beta_end=0.012, steps_offset=1, clip_sample=False, set_alpha_to_one=False)),
       ('ddim-inversion', DDIMInverseScheduler, dict(timestep_spacing='trailing', clip_sample=False)),
       ('dpmpp-2m', DPMSolverMultistepScheduler, dict(prediction_type='sample')),
       ('dpmpp-2m', DPMSolverMultistepScheduler, dict(timestep_spacing='leading', steps_offset=1)),
       ('dpmpp-2m', DPMSolverMultistepScheduler, dict(lower_order_final=False, timestep_spacing='trailing')),
       ('euler', EulerDiscreteScheduler, dict(prediction_type='sample')),
       ('euler', EulerDiscreteScheduler, dict(timestep_spacing='leading', steps_offset=1)),
       ('euler', EulerDiscreteScheduler, dict(timestep_spacing='trailing', prediction_type='v_prediction')),
      ]
for name, cls, kw in cases:
    s=cls(**dict(base, **kw)); s.set_timesteps(10)
    x=(dummy()*2-1)*s.init_noise_sigma
    for t in s.timesteps:
        x=s.step(model(s.scale_model_input(x,t),t), t, x).prev_sample
    print('{"%s", "%s", %.6f, %.6f},' % (name, ', '.join('%s=%s'%(k,v) for k,v in kw.items()), x.abs().sum().item(), x.sum().item()))
