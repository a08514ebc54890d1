"""
Makes the fallback fonts bundled in assets/fonts, from Debian's Noto packages and the
@fontsource/noto-emoji npm package (all SIL Open Font License 1.1). Run by hand when a
font should change; the app only reads the results.

  apt-get install fonts-noto-core fonts-noto-cjk && pip install fonttools
  npm pack @fontsource/noto-emoji && tar xzf fontsource-noto-emoji-*.tgz
  python3 assets/fonts/make-fonts.py package/files assets/fonts

Why these steps:
- Noto Sans CJK is a 19 MB collection of CFF (PostScript) outlines. pdf-lib's subsetter
  writes CFF subsets that poppler and others reject, so the Japanese face is cut to
  JIS X 0208 (kana, both JIS kanji levels, full-width forms — 7,000 characters) and its
  curves converted to TrueType outlines, which pdf-lib subsets correctly. Rarer
  characters fall back to the user's system fonts.
- Noto Color Emoji holds bitmaps, which no PDF font can carry; Noto Emoji (monochrome
  outlines) ships as twelve web-font slices, merged here into one TrueType file.
- Arabic and Hebrew are copied as they are (TrueType, small).
- Every glyph is padded to 4 bytes: fontkit's subsetter writes short loca offsets
  (halved) when the subset is small, which silently drops a byte of every odd-length
  glyph; fontTools leaves glyphs unpadded in a long-loca font.
"""
import glob, shutil, sys
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools import subset
from fontTools.merge import Merger, Options as MergeOptions
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

NOTO = '/usr/share/fonts'


def japanese(out):
    collection = TTCollection(f'{NOTO}/opentype/noto/NotoSansCJK-Regular.ttc')
    font = next(f for f in collection.fonts if f['name'].getDebugName(1) == 'Noto Sans CJK JP')
    chars = set(range(0x20, 0x7F)) | set(range(0x3000, 0x3100)) | set(range(0x31F0, 0x3200)) | set(range(0xFF00, 0xFFF0))
    for hi in range(0xA1, 0xFF):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode('euc_jp')))
            except UnicodeDecodeError:
                pass
    options = subset.Options()
    options.hinting = False
    options.notdef_outline = True
    options.layout_features = ['ccmp', 'locl', 'liga', 'kern', 'palt']
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    to_truetype(font)
    font['glyf'].padding = 4
    font.save(out)


def to_truetype(font):
    """fontTools' otf2ttf recipe: cubic CFF curves to quadratic glyf outlines."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    quadratic = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        quadratic[name] = pen.glyph()
    font['loca'] = newTable('loca')
    font['glyf'] = glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = quadratic
    del font['CFF ']
    for table in ('VORG', 'vhea', 'vmtx'):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font['hmtx']
    for name, glyph in glyf.glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(glyph, 'xMin', 0))
    maxp = font['maxp'] = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for field in ('maxZones', 'maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements', 'maxSizeOfInstructions'):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxComponentElements = 0
    maxp.compile(font)
    post = font['post']
    post.formatType = 3.0
    font.sfntVersion = '\x00\x01\x00\x00'


def emoji(slices, out):
    parts = []
    for i, path in enumerate(sorted(glob.glob(f'{slices}/noto-emoji-*-400-normal.woff'))):
        font = TTFont(path)
        font.flavor = None
        part = f'{out}.part{i}.ttf'
        font.save(part)
        parts.append(part)
    merged = Merger(options=MergeOptions(drop_tables=['vhea', 'vmtx'])).merge(parts)
    merged['glyf'].padding = 4
    merged.save(out)
    for part in parts:
        import os
        os.remove(part)


if __name__ == '__main__':
    slices, target = sys.argv[1], sys.argv[2]
    for name in ('NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf', 'NotoSansHebrew-Regular.ttf', 'NotoSansHebrew-Bold.ttf'):
        shutil.copy(f'{NOTO}/truetype/noto/{name}', f'{target}/{name}')
    emoji(slices, f'{target}/NotoEmoji-Regular.ttf')
    japanese(f'{target}/NotoSansJP-Regular.ttf')
