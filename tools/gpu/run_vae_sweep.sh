#!/usr/bin/env bash
# Trains three candidate autoencoders for the default model v2 at once on one GPU, each for the same wall-clock
# budget, and leaves their diffusers-layout vae/ folders and one log under $OUT. Data: ExportTrainingImages.
#   SECONDS_PER_RUN=400 bash tools/gpu/run_vae_sweep.sh
set -euo pipefail
: "${OUT:?set OUT to the output folder}"
budget="${SECONDS_PER_RUN:-400}"
data=tools/gpu/data
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())"
pids=()
for run in "f8c4 32,64,64,64 4" "f8c8 32,64,64,64 8" "f8c4wide 64,128,128,128 4"; do
  set -- $run
  mkdir -p "$OUT/$1"
  PYTHONUNBUFFERED=1 python3 tools/gpu/train_vae.py --train $data/train.bin.gz --eval $data/eval.bin.gz \
    --out "$OUT/$1" --channels "$2" --latent "$3" --seconds "$budget" --dtype F16 > "/tmp/$1.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
cat /tmp/f8c4.log /tmp/f8c8.log /tmp/f8c4wide.log | tee "$OUT/log.txt"
exit $status
