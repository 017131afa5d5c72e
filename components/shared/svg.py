"""Show an SVG picture this app drew itself (body picture, QR code).

st.html strips SVG, so this uses st.markdown with HTML allowed. That is safe only because
callers pass SVG built from fixed shapes, escaped labels and QR path data: never text
taken from a link or any other outside input.
"""

import streamlit as st


def show(svg: str, max_width_px: int = 220) -> None:
    if not svg.lstrip().startswith("<svg"):
        raise ValueError("svg.show takes an SVG drawing only")
    st.markdown(f'<div style="max-width:{int(max_width_px)}px;margin:auto">{svg}</div>', unsafe_allow_html=True)
