"""Identifier columns as text: ids may be stored as text or numbers; results always carry text."""
from typing import Any

import numpy as np
import pandas as pd


def id_strings(series: Any) -> np.ndarray:
    """Object array of ids as strings (None where null). Whole floats lose their '.0' (an integer
    field with nulls is read as float64); text is stripped and blank text counts as null."""
    values = pd.Series(series).reset_index(drop=True)
    if pd.api.types.is_float_dtype(values.dtype):
        finite = values.notna()
        whole = finite & (values.fillna(0) % 1 == 0)
        text = pd.Series(None, index=values.index, dtype=object)
        text[whole] = values[whole].astype(np.int64).astype(str)
        text[finite & ~whole] = values[finite & ~whole].astype(str)
        return text.to_numpy(dtype=object)
    null = values.isna()
    text = values.astype(object).where(~null, "").astype(str).str.strip()
    return text.where(~null & (text != ""), None).to_numpy(dtype=object)
