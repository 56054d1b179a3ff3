"""The bilingual demo site: content data, generated media and the builder behind `load_demo`."""
