#!/usr/bin/env bash
# Renders assets/icons/plan-explorer.svg as the PNG sizes desktops look for
# (16 to 512 pixels, 8-bit RGBA). The PNGs are committed; run this after
# changing the SVG. Needs ImageMagick (`apt-get install imagemagick`).
set -euo pipefail
cd "$(dirname "$0")/../assets/icons"
for size in 16 24 32 48 64 128 256 512; do
    convert -background none -density 600 plan-explorer.svg \
        -resize "${size}x${size}" -strip "PNG32:plan-explorer-${size}.png"
done
echo "wrote assets/icons/plan-explorer-{16,24,32,48,64,128,256,512}.png"
