"""Population: stratified risk by care region, and the risk, outline and population imports."""
