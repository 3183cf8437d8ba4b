"""Outputs: the Word review report with its layout, fonts and chart; the Excel workbook of a batch;
plain-dict (JSON) views of plans and documents."""
