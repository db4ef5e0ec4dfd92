"""Helps write QA items: for each extracted page, lists blocks past the first paragraph that hold
specific facts (figures, prices, dates, code, names), with their position, so a person can ask about one
and take a distractor phrase from a far-away block."""
import re,sys,os,json,random
OUT=sys.argv[4] if len(sys.argv)>4 else '/tmp/qa/out'
FACT=re.compile(r'(\d|\$|€|£|`|\b[A-Z][a-z]+ [A-Z][a-z]+)')
def blocks(md):
    bl=[];cur=[];code=False
    for line in md.split('\n'):
        if line.startswith('```'):
            code=not code; cur.append(line)
            if not code: bl.append('\n'.join(cur)); cur=[]
            continue
        if code: cur.append(line); continue
        if not line.strip() or re.match(r'^\s*([-*+]|\d+[.)])\s',line) or line.startswith('#') or line.startswith('|'):
            if cur: bl.append(' '.join(cur)); cur=[]
            if line.strip(): bl.append(line.strip())
        else: cur.append(line.strip())
    if cur: bl.append(' '.join(cur))
    return bl
rows=[l.rstrip('\n').split('\t') for l in open(sys.argv[3])]
start,end=int(sys.argv[1]),int(sys.argv[2])
for corpus,file,url,_ in rows[start:end]:
    key=corpus.replace('/','_')+'__'+file
    p=f'{OUT}/{key}.md'
    if not os.path.exists(p): continue
    md=open(p).read(); lang=open(f'{OUT}/{key}.lang').read()
    bl=blocks(md)
    words=len(md.split())
    if words<150: continue
    cands=[(i,b) for i,b in enumerate(bl) if i>=3 and not b.startswith(("#","![","[","\\[")) and "](" not in b[:60] and len(b.split())>=5 and FACT.search(b)]
    if len(cands)<3: continue
    random.seed(file)
    k=min(6,len(cands)); pick=[random.choice(cands[j*len(cands)//k:(j+1)*len(cands)//k]) for j in range(k)]
    print(f'=== {corpus} {file} lang={lang} words={words} blocks={len(bl)} {url[:90]}')
    for i,b in pick:
        c=re.sub(r"\]\([^)]*\)","]",b)[:260]
        print(f'  [{i}] {c}')
