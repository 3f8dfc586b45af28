"""Presenters: pure functions from service results to what a page shows — display frames, texts
and headers in the reader's language and Belgian formats. No Streamlit, no database: each is
tested as a function. One module per area."""
