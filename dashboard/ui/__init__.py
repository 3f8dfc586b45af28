"""Streamlit helpers shared by the pages: the page context, the sidebar, tables, key figures."""
