"""Checks every question: each answer phrase and the distractor occur in the page's extracted text
(case-insensitive, white space collapsed), the answer is not in the first paragraph, and the
distractor is not inside the answer's paragraph."""
import glob,re,json,runpy,sys
def norm(s): return re.sub(r'\s+',' ',s.replace('`','')).lower().strip()
items=[]
for line in open(sys.argv[1]):
    j=json.loads(line)
    items.append(('wcxb/dev' if j['dataset']=='wcxb/dev' else j['dataset'], j['file'], j['query'], j['answer'], j['distractor']))
bad=0
for corpus,file,q,ans,dis in items:
    key=corpus.replace('/','_')+'__'+file
    text=open(f'{sys.argv[2]}/{key}.txt').read()
    t=norm(text)
    paras=[norm(p) for p in re.split(r'\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)]) )',text) if p.strip()]
    first=paras[0] if paras else ''
    for a in ans:
        if norm(a) not in t: print('MISSING answer',file,repr(a)); bad+=1
        elif norm(a) in first and len(paras)>1: print('FIRST para',file,repr(a)); bad+=1
    if norm(dis) not in t: print('MISSING distractor',file,repr(dis)); bad+=1
    for p in paras:
        if any(norm(a) in p for a in ans) and norm(dis) in p: print('SAME para',file,repr(dis)); bad+=1; break
print(len(items),'items',bad,'problems', len({i[1] for i in items}),'pages')
