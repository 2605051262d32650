"""newsclean templates for the Example News sites: the TOML files in this package."""
