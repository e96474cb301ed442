# Pure-Python (no numpy) reference for all-MiniLM-L6-v2: wordpiece for plain lowercase
# ASCII text, BERT forward pass, mean pooling, L2. Produced the expected values
# in model.rs. Usage: python3 reference.py MODEL_DIR "text" ...
import json, struct, math, sys, array
d = sys.argv[1]
f = open(d + '/model.safetensors', 'rb'); n = struct.unpack('<Q', f.read(8))[0]; hdr = json.loads(f.read(n)); base = 8 + n
def T(name):
    m = hdr[name]; s, e = m['data_offsets']; f.seek(base + s); a = array.array('f'); a.frombytes(f.read(e - s))
    shp = m['shape']
    if len(shp) == 1: return list(a)
    r, c = shp; return [list(a[i*c:(i+1)*c]) for i in range(r)]
vocab = {w.rstrip('\n'): i for i, w in enumerate(open(d + '/vocab.txt', encoding='utf-8'))}
def wordpiece(text):
    import unicodedata
    text = text.lower(); toks = []; cur = ''
    for ch in text:
        if ch.isspace():
            if cur: toks.append(cur); cur = ''
        elif unicodedata.category(ch).startswith('P'):
            if cur: toks.append(cur); cur = ''
            toks.append(ch)
        else: cur += ch
    if cur: toks.append(cur)
    ids = [vocab['[CLS]']]
    for w in toks:
        start = 0; sub = []
        while start < len(w):
            end = len(w); found = None
            while start < end:
                piece = ('##' if start > 0 else '') + w[start:end]
                if piece in vocab: found = piece; break
                end -= 1
            if found is None: sub = ['[UNK]']; break
            sub.append(found); start = end
        ids += [vocab[s] for s in sub]
    return ids + [vocab['[SEP]']]
def lin(x, W, b): return [sum(map(float.__mul__, row, x)) + bb for row, bb in zip(W, b)]
def ln(x, g, b, eps=1e-12):
    m = sum(x)/len(x); v = sum((t-m)**2 for t in x)/len(x); s = 1/math.sqrt(v+eps)
    return [(t-m)*s*gg+bb for t, gg, bb in zip(x, g, b)]
def gelu(t): return 0.5*t*(1+math.erf(t/math.sqrt(2)))
for text in sys.argv[2:]:
    ids = wordpiece(text); L = len(ids)
    we = T('embeddings.word_embeddings.weight') if 'WE' not in globals() else WE
    globals()['WE'] = we
    pe = T('embeddings.position_embeddings.weight'); te = T('embeddings.token_type_embeddings.weight')
    h = [ln([a+b+c for a, b, c in zip(we[t], pe[i], te[0])], T('embeddings.LayerNorm.weight'), T('embeddings.LayerNorm.bias')) for i, t in enumerate(ids)]
    H, NH = 384, 12; hd = H // NH
    for l in range(6):
        p = f'encoder.layer.{l}.'
        g = lambda n: T(p + n)
        Q = [lin(x, g('attention.self.query.weight'), g('attention.self.query.bias')) for x in h]
        K = [lin(x, g('attention.self.key.weight'), g('attention.self.key.bias')) for x in h]
        V = [lin(x, g('attention.self.value.weight'), g('attention.self.value.bias')) for x in h]
        ctx = [[0.0]*H for _ in range(L)]
        for hh in range(NH):
            sl = slice(hh*hd, (hh+1)*hd)
            for i in range(L):
                sc = [sum(a*b for a, b in zip(Q[i][sl], K[j][sl]))/math.sqrt(hd) for j in range(L)]
                mx = max(sc); ex = [math.exp(s-mx) for s in sc]; z = sum(ex)
                for j in range(L):
                    w = ex[j]/z
                    for k in range(hd): ctx[i][hh*hd+k] += w*V[j][hh*hd+k]
        ao = [ln([a+b for a, b in zip(lin(c, g('attention.output.dense.weight'), g('attention.output.dense.bias')), x)], g('attention.output.LayerNorm.weight'), g('attention.output.LayerNorm.bias')) for c, x in zip(ctx, h)]
        W1, b1, W2, b2 = g('intermediate.dense.weight'), g('intermediate.dense.bias'), g('output.dense.weight'), g('output.dense.bias')
        h = [ln([a+b for a, b in zip(lin([gelu(t) for t in lin(x, W1, b1)], W2, b2), x)], g('output.LayerNorm.weight'), g('output.LayerNorm.bias')) for x in ao]
    m = [sum(col)/L for col in zip(*h)]; nrm = math.sqrt(sum(t*t for t in m))
    print(json.dumps({'ids': ids, 'vec': [t/nrm for t in m]}))
