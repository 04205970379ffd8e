print("pumpurs")
