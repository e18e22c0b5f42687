"""Building blocks shared by several pages; nothing here renders on import."""
