#!/bin/bash
# Sentiment fine-tuning sweep on one GPU, time-boxed; needs only torch there (no pypinyin).
# Here:   yinzi-train finetune-sentiment --train ... --dev ... --test ... --backbone B \
#           --save-encoded .carry/sentiment --encode-only
# There:  OUT=<folder> trainer/sentiment/sweep_gpu.sh .carry/sentiment 420
# Back:   yinzi-train finetune-sentiment --train ... --dev ... --test ... --backbone B \
#           --from-state OUT/best.pt --out runs/sentiment-gpu   (exports and evaluates)
set -u
ENC=$1; BUDGET=$2
START=$(date +%s)
export PYTHONUNBUFFERED=1 PYTHONPATH=.
nvidia-smi --query-gpu=name,memory.used --format=csv,noheader > $OUT/gpu.txt 2>&1
for cfg in "3e-4 5 0" "1.5e-4 6 1" "5e-4 4 2"; do
  set -- $cfg
  LEFT=$(( BUDGET - ($(date +%s) - START) ))
  if [ $LEFT -lt 150 ]; then echo "skip $cfg: ${LEFT}s left" >> $OUT/sweep.txt; continue; fi
  MIN=$(python3 -c "print(round(($LEFT-90)/60, 2))")
  python3 -m trainer.cli finetune-sentiment --encoded $ENC --out $OUT/r$3 --lr $1 --epochs $2 \
    --batch-size 32 --eval-every 300 --patience 6 --device cuda --no-export --seed $3 \
    --ngram-buckets 32768 --bag-epochs 3 \
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
    state["model"] = {k: (v.half() if v.is_floating_point() else v) for k, v in state["model"].items()}
    state["picked"] = best[1]
    torch.save(state, f"{out}/best.pt")
    print("picked", best)
PY
