"""The library network: find and copy colleagues' projects, roll plans over."""
