def get_assert(output, context):
    return {'pass': len(output) > 3, 'score': 1.0 if len(output) > 3 else 0.0, 'reason': 'length'}
