#!/usr/bin/env bash
# Trains four candidate denoisers (UNet + text encoder) for the default model v2 at once on one GPU, each for the
# same wall-clock budget, on one shared encoding of the training pictures through models/default-v2/vae. Leaves
# one tar per candidate (unet/, text_encoder/, loss.csv, summary.json; a tar over 15 MiB in parts) and one log
# under $OUT. Data: ExportTrainingImages files in tools/gpu/data/pack (see README.md).
#   SECONDS_PER_RUN=420 bash tools/gpu/run_unet_sweep.sh
set -euo pipefail
: "${OUT:?set OUT to the output folder}"
budget="${SECONDS_PER_RUN:-420}"
pack=tools/gpu/data/pack
tokenizer=crossnet-core/src/main/resources/dev/crossnet/core/defaultmodel/figureworld/tokenizer
export PYTHONUNBUFFERED=1
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader || true
python3 -c "import torch; print('torch', torch.__version__, 'cuda', torch.cuda.is_available())"
train=()
for f in "$pack"/train*.bin.*; do train+=(--train "$f"); done
python3 tools/gpu/train_unet.py encode "${train[@]}" --eval "$pack/eval.bin.gz" --vae models/default-v2/vae \
  --tokenizer "$tokenizer" --out /tmp/latents.pt 2>&1 | tee /tmp/encode.log
touch /tmp/gpu-busy.txt
(sleep 120; nvidia-smi --query-gpu=memory.used,utilization.gpu --format=csv,noheader > /tmp/gpu-busy.txt) &
pids=()
runs=("eps epsilon 0 64,96,128" "eps-snr epsilon 5 64,96,128" "v-snr v_prediction 5 64,96,128"
      "v-snr-wide v_prediction 5 96,128,192")
for run in "${runs[@]}"; do
  set -- $run
  python3 tools/gpu/train_unet.py train --latents /tmp/latents.pt --out "/tmp/runs/$1" --prediction "$2" \
    --min-snr "$3" --channels "$4" --seconds "$budget" --dtype F16 > "/tmp/$1.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
cat /tmp/gpu-busy.txt /tmp/encode.log /tmp/eps.log /tmp/eps-snr.log /tmp/v-snr.log /tmp/v-snr-wide.log > "$OUT/log.txt"
for run in "${runs[@]}"; do
  set -- $run
  tar -C /tmp/runs -cf "/tmp/$1.tar" "$1" || { status=1; continue; }
  if [ "$(stat -c %s "/tmp/$1.tar")" -gt 15728640 ]; then
    split -b 15m -d "/tmp/$1.tar" "$OUT/$1.tar.part"
  else
    cp "/tmp/$1.tar" "$OUT/"
  fi
done
nvidia-smi --query-gpu=memory.used,utilization.gpu --format=csv,noheader || true
ls -la "$OUT"
tail -n 3 /tmp/*.log
exit $status
