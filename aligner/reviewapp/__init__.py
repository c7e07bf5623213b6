"""`aligner review`: a local web app where a translator corrects the alignment and judges the
flags of one document pair, every decision kept in the review file (aligner.review).

session.py holds the state and the operations (no web code); view.py turns it into the page's
JSON; server.py is the Starlette app and the uvicorn runner; static/ the page itself."""
