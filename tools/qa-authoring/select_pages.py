"""Lists candidate pages (seed 18): 30 random pages of each WCXB type not used by qa-dev.jsonl, and
150 random Trafilatura pages, as dataset<TAB>file<TAB>url<TAB>html.gz path. Usage: select_pages.py DATA_DIR"""
import json, glob, random, os, sys
random.seed(18)
D = sys.argv[1]
used = {json.loads(l)['file'] for l in open(D + '/qa-dev.jsonl')}
bytype = {}
for f in sorted(glob.glob(D + '/wcxb/dev/ground-truth/*.json')):
    j = json.load(open(f)); n = os.path.basename(f)[:-5]
    if n in used or 'url' not in j:
        continue
    bytype.setdefault(j['_internal']['page_type']['primary'], []).append((n, j['url']))
rows = []
for t, l in bytype.items():
    for n, u in random.sample(l, 30):
        rows.append(('wcxb/dev', n, u, f'{D}/wcxb/dev/html/{n}.html.gz'))
d = json.load(open(D + '/trafilatura-eval/evaldata.json'))
items = sorted(d.items()); random.shuffle(items)
for u, v in items[:150]:
    rows.append(('trafilatura-eval', v['file'], u, f"{D}/trafilatura-eval/html/{v['file']}.gz"))
for r in rows:
    print('\t'.join(r))
