#!/usr/bin/env bash
# Continues one train_unet.py run on one GPU alone (no other process time-slicing it), from the weights in
# tools/gpu/data/init (a train_unet.py output folder), and leaves a tar of the result (in parts over 15 MiB) and
# its log under $OUT.
#   SECONDS_PER_RUN=300 PREDICTION=v_prediction MIN_SNR=5 CHANNELS=64,96,128 bash tools/gpu/run_unet_continue.sh
set -euo pipefail
: "${OUT:?set OUT to the output folder}"
pack=tools/gpu/data/pack
tokenizer=crossnet-core/src/main/resources/dev/crossnet/core/defaultmodel/figureworld/tokenizer
export PYTHONUNBUFFERED=1
train=()
for f in "$pack"/train*.bin.*; do train+=(--train "$f"); done
python3 tools/gpu/train_unet.py encode "${train[@]}" --eval "$pack/eval.bin.gz" --vae models/default-v2/vae \
  --tokenizer "$tokenizer" --out /tmp/latents.pt 2>&1 | tee /tmp/encode.log
touch /tmp/gpu-busy.txt
(sleep 60; nvidia-smi --query-gpu=memory.used,utilization.gpu --format=csv,noheader > /tmp/gpu-busy.txt) &
status=0
python3 tools/gpu/train_unet.py train --latents /tmp/latents.pt --out /tmp/runs/continued --init tools/gpu/data/init \
  --prediction "${PREDICTION:-epsilon}" --min-snr "${MIN_SNR:-0}" --channels "${CHANNELS:-64,96,128}" \
  --batch "${BATCH:-256}" --lr "${LR:-4e-4}" --text-lr "${TEXT_LR:-2e-4}" --warmup 200 \
  --seconds "${SECONDS_PER_RUN:-300}" --dtype F16 2>&1 | tee /tmp/continued.log || status=1
cat /tmp/gpu-busy.txt /tmp/encode.log /tmp/continued.log > "$OUT/log.txt"
tar -C /tmp/runs -cf /tmp/continued.tar continued
split -b 15m -d /tmp/continued.tar "$OUT/continued.tar.part"
ls -la "$OUT"
exit $status
