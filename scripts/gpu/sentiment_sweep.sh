#!/bin/bash
# Sentiment fine-tuning sweep on one GPU, time-boxed; needs only torch there (no pypinyin or
# jieba: the encoded folder carries the pinyin and the wide path's n-gram ids). The shipped
# recipe (wide path over char + word n-grams, encoder trained alone and blended), at three
# learning rates / epoch counts / seeds; the best on dev is kept.
# On the development machine, encode once:
#         yinzi-train finetune-sentiment --train ... --train-weights ... --dev ... --test ... \
#           --backbone B --wide-buckets 262144 --word-buckets 262144 --wide-chars 1024 \
#           --save-encoded ENC --encode-only
# On the GPU box (from the repository root; time budget in seconds):
#         OUT=<folder> scripts/gpu/sentiment_sweep.sh ENC 420
#         (DEVICE=cpu for a dry run; WIDE=0 for data encoded without n-gram ids)
# Back on the development machine, export and evaluate the pick:
#         yinzi-train finetune-sentiment --encoded ENC --wide-buckets 262144 \
#           --word-buckets 262144 --from-state OUT/best.pt --out runs/sentiment-gpu
#           (exports and evaluates)
set -u
ENC=$1; BUDGET=$2
DEVICE=${DEVICE:-cuda}
if [ "${WIDE:-262144}" != 0 ]; then
  RECIPE="--wide-buckets ${WIDE:-262144} --word-buckets ${WIDE:-262144} --wide-epochs 5 --blend"
else
  RECIPE=""
fi
START=$(date +%s)
export PYTHONUNBUFFERED=1 PYTHONPATH=.
nvidia-smi --query-gpu=name,memory.used --format=csv,noheader > $OUT/gpu.txt 2>&1 || true
CFGS=("5e-4 3 0" "3e-4 5 1" "2e-4 6 2")
for i in "${!CFGS[@]}"; do
  cfg=${CFGS[$i]}
  set -- $cfg
  LEFT=$(( BUDGET - ($(date +%s) - START) ))
  if [ $LEFT -lt 150 ]; then echo "skip $cfg: ${LEFT}s left" >> $OUT/sweep.txt; continue; fi
  # an equal share of what is left for each remaining config, 60 s kept for loading and scoring
  MIN=$(python3 -c "print(round(($LEFT / (${#CFGS[@]} - $i) - 60) / 60, 2))")
  python3 -m trainer.cli finetune-sentiment --encoded $ENC --out $OUT/r$3 --lr $1 --epochs $2 \
    --batch-size 32 --eval-every 300 --patience 6 --device $DEVICE --no-export --seed $3 $RECIPE \
    --max-minutes $MIN --save-state /tmp/r$3.pt > $OUT/r$3.log 2>&1
  echo "cfg $cfg rc=$? t=$(( $(date +%s) - START ))s" >> $OUT/sweep.txt
done
python3 - <<'PY'
import json, os, glob, torch
out = os.environ["OUT"]
best = None
for rep in glob.glob(f"{out}/r*/report.json"):
    r = json.load(open(rep))
    f1 = r["training"]["best_dev"]["macro_f1"]
    tag = os.path.basename(os.path.dirname(rep))
    print(tag, r["training"]["best_dev"], {k: round(v["accuracy"], 4) for k, v in r["torch_metrics"].items()})
    if best is None or f1 > best[0]:
        best = (f1, tag)
if best:
    state = torch.load(f"/tmp/{best[1]}.pt", weights_only=True)
    # fp16 matrices halve the file; scalars and vectors (deep_scale, idf) stay exact
    state["model"] = {k: (v.half() if v.is_floating_point() and v.ndim >= 2 else v) for k, v in state["model"].items()}
    state["picked"] = best[1]
    torch.save(state, f"{out}/best.pt")
    print("picked", best)
PY
