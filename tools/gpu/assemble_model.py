"""Assembles a diffusers-layout pipeline folder that CrossNet loads (DiffusionModel.load, --model FOLDER) from a
train_unet.py run (unet/, text_encoder/, summary.json), an autoencoder folder and the default model's tokenizer
and scheduler, the scheduler's prediction_type set to what the run trained.

    python3 tools/gpu/assemble_model.py --run /tmp/runs/eps --vae models/default-v2/vae --out models/candidate
"""
import argparse
import json
import os
import shutil

DEFAULT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "crossnet-core", "src", "main",
                       "resources", "dev", "crossnet", "core", "defaultmodel", "figureworld")


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--run", required=True, help="a train_unet.py output folder")
    a.add_argument("--vae", required=True, help="a diffusers vae/ folder")
    a.add_argument("--out", required=True)
    args = a.parse_args()
    with open(os.path.join(args.run, "summary.json")) as f:
        summary = json.load(f)
    tmp = args.out.rstrip("/") + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    shutil.copy(os.path.join(DEFAULT, "model_index.json"), tmp)
    shutil.copytree(os.path.join(DEFAULT, "tokenizer"), os.path.join(tmp, "tokenizer"))
    for part in ("unet", "text_encoder"):
        shutil.copytree(os.path.join(args.run, part), os.path.join(tmp, part))
    shutil.copytree(args.vae, os.path.join(tmp, "vae"))
    with open(os.path.join(DEFAULT, "scheduler", "scheduler_config.json")) as f:
        scheduler = json.load(f)
    scheduler["prediction_type"] = summary["prediction"]
    os.makedirs(os.path.join(tmp, "scheduler"))
    with open(os.path.join(tmp, "scheduler", "scheduler_config.json"), "w") as f:
        json.dump(scheduler, f, indent=2)
    shutil.copy(os.path.join(args.run, "summary.json"), os.path.join(tmp, "training.json"))
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.rename(tmp, args.out)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
